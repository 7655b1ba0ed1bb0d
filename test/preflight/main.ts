/**
 * The first step of `npm test`: before anything slow starts, make sure the machine has what the
 * tests need outside npm (Chromium, Chinese fonts, nginx, Java); if not, stop at once with the one
 * command that installs it. With --packages, print only the missing Debian packages (for .ci/run).
 */
import { missingNeeds, missingPackages, needsReport } from './needs.ts';
import { thisMachine } from './machine.ts';

const machine = thisMachine();
const needs = missingNeeds(machine);
if (process.argv.includes('--packages')) {
  console.log(missingPackages(needs).join(' '));
} else if (needs.length > 0) {
  console.error(needsReport(needs, machine));
  process.exitCode = 1;
}

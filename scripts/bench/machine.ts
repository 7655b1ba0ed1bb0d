/** A description of the machine a benchmark ran on, for the figures to be read against. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  date: string;
  /** The 1-minute load average when the benchmark started: other work on the machine shows here. */
  load: number;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform}, Linux ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

export function describeMachine(now = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    date: now.toISOString().slice(0, 10),
    load: Math.round(loadavg()[0]! * 100) / 100,
  };
}

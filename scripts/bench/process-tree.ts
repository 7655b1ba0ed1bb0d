/**
 * Run a command and watch its memory: every ~50 ms the resident set (VmRSS) of the process and
 * all its descendants is read from /proc, and the peak of the sum and the peak of the single
 * largest process are kept. Astro starts workers and Pagefind a native binary, so the root
 * process alone would under-report.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface RunResult {
  code: number | null;
  seconds: number;
  /** Peak of the sum of VmRSS over the process tree, in bytes. */
  peakTreeRss: number;
  /** Peak VmRSS of any one process of the tree, in bytes. */
  peakProcessRss: number;
  /** Every sample: milliseconds since the start and the tree's RSS in bytes. */
  samples: { at: number; rss: number }[];
  output: string;
}

/** The peak of the samples taken between two moments (milliseconds since the start). */
export function peakBetween(samples: RunResult['samples'], from: number, to: number): number {
  return samples.reduce((peak, sample) => (sample.at >= from && sample.at <= to ? Math.max(peak, sample.rss) : peak), 0);
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called with each chunk of output (stdout and stderr together). */
  onOutput?: (text: string) => void;
}

/** Parent of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The RSS of every process of the tree rooted at `root`. */
export function treeRss(root: number): number[] {
  const children = parents();
  const sizes: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sizes.push(rssOf(pid));
    stack.push(...(children.get(pid) ?? []));
  }
  return sizes;
}

/** Run `command args` to the end, measuring wall time and peak memory of its process tree. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakTreeRss = 0;
    let peakProcessRss = 0;
    const samples: RunResult['samples'] = [];
    const sample = () => {
      if (child.pid === undefined) return;
      const sizes = treeRss(child.pid);
      const rss = sizes.reduce((sum, size) => sum + size, 0);
      samples.push({ at: performance.now() - started, rss });
      peakTreeRss = Math.max(peakTreeRss, rss);
      peakProcessRss = Math.max(peakProcessRss, ...sizes);
    };
    const timer = setInterval(sample, 50);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakTreeRss, peakProcessRss, samples, output });
    });
  });
}

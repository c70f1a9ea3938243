// Runs the steps of a composite action (action.yml) the way the GitHub runner does, offline: each
// `run` step with bash -eo pipefail, `${{ }}` expressions for inputs, step outputs and the action
// path, `if:` conditions, working-directory, and the GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files.
// `uses` steps (other actions, which need the network) are recorded as skipped or not run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface StepRun {
  name: string;
  ran: boolean;
  uses?: string;
  with?: Record<string, string>;
  status?: number;
  stdout: string;
  stderr: string;
}

export interface ActionRun {
  steps: StepRun[];
  summary: string;
  /** The exit status of the first failing step, else 0: the job's result. */
  status: number;
  outputs: Record<string, string>;
}

export interface ActionEnv {
  actionPath: string;
  workspace: string;
  temp: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
}

export function loadAction(actionPath: string) {
  return parse(readFileSync(join(actionPath, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
  };
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9_-]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export function runAction({ actionPath, workspace, temp, inputs, env = {} }: ActionEnv): ActionRun {
  const action = loadAction(actionPath);
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const given = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const stepOutputs: Record<string, Record<string, string>> = {};
  const value = (path: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([A-Za-z0-9_-]+)$/.exec(path))) {
      if (!(m[1]! in given)) throw new Error(`unknown input ${m[1]}`);
      return given[m[1]!]!;
    }
    if ((m = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(path))) return stepOutputs[m[1]!]?.[m[2]!] ?? '';
    if (path === 'github.action_path') return actionPath;
    throw new Error(`unsupported expression: ${path}`);
  };
  const expand = (text: string) => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => value(path));
  // The conditions action.yml uses: comparisons with a string literal joined by &&.
  const condition = (text: string) =>
    text.split('&&').every((part) => {
      const m = /^\s*([A-Za-z0-9_.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
      if (!m) throw new Error(`unsupported condition: ${part}`);
      return (value(m[1]!) === m[3]) === (m[2] === '==');
    });

  mkdirSync(temp, { recursive: true });
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const steps: StepRun[] = [];
  let status = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${i + 1}`;
    // Like the runner's default `success()`: after a failure only steps that say otherwise run.
    const wanted = status === 0 && (step.if === undefined || condition(step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '')));
    if (step.uses) {
      steps.push({ name, ran: false, uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))])), status: wanted ? 0 : undefined, stdout: '', stderr: '' });
      continue;
    }
    if (!wanted) {
      steps.push({ name, ran: false, stdout: '', stderr: '' });
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${name}: only shell: bash steps are supported, got ${step.shell}`);
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]));
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run ?? '')], {
      cwd: resolve(workspace, expand(step['working-directory'] ?? '.')),
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: actionPath,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...env,
        ...stepEnv,
      },
    });
    if (step.id) stepOutputs[step.id] = parseOutputs(readFileSync(outputFile, 'utf8'));
    steps.push({ name, ran: true, status: ran.status ?? 1, stdout: ran.stdout, stderr: ran.stderr });
    if (ran.status !== 0) status = ran.status ?? 1;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value)]));
  return { steps, summary: readFileSync(summaryFile, 'utf8'), status, outputs };
}

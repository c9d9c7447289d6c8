import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Config} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {KernelError, UsageError} from '../../src/errors.js'
import {repoRoot} from '../helpers/cli.js'

/** Runs a command class in this process; returns its exit code and what it wrote to stderr. */
type ConcreteCommand = (new (argv: string[], config: Config) => BaseCommand) & typeof BaseCommand

async function runCommand(cmd: ConcreteCommand, argv: string[] = []): Promise<{code: number; stderr: string}> {
  const config = await Config.load(repoRoot)
  const write = process.stderr.write.bind(process.stderr)
  let stderr = ''
  process.stderr.write = ((chunk: string) => { stderr += chunk; return true }) as typeof process.stderr.write
  try {
    await cmd.run(argv, config)
    return {code: 0, stderr}
  } catch (error) {
    const exit = (error as {oclif?: {exit?: number}}).oclif?.exit
    if (exit === undefined) throw error
    return {code: exit, stderr}
  } finally {
    process.stderr.write = write
  }
}

function failing(error: Error): ConcreteCommand {
  return class extends BaseCommand {
    async run(): Promise<void> {
      await this.parse()
      throw error
    }
  }
}

test('a CiliumkitError is one line with its hint and its exit code', async () => {
  assert.deepEqual(await runCommand(failing(new KernelError('cannot open map', 'run as root'))),
    {code: 1, stderr: 'Error: cannot open map (run as root)\n'})
  assert.deepEqual(await runCommand(failing(new UsageError('bad flags'))), {code: 2, stderr: 'Error: bad flags\n'})
})

test('an unexpected error is one line too, without a stack unless --debug', async () => {
  const bug = new TypeError('x is undefined')
  const r = await runCommand(failing(bug))
  assert.deepEqual(r, {code: 1, stderr: 'Error: x is undefined (unexpected error: run again with --debug for the stack trace)\n'})
  await assert.rejects(runCommand(failing(bug), ['--debug']), (e: Error) => e === bug && Boolean(e.stack))
})

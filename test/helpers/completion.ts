import {readFileSync} from 'node:fs'
import {buildCompletionModel, type CompletionModel, type ManifestCommand, type ManifestTopics} from '../../src/completion/model.js'

/** The small hand-written manifest under test/fixtures/completion, as a model for bin `hubble`. */
export function fixtureModel(): CompletionModel {
  const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/completion/manifest.json', import.meta.url), 'utf8')) as
    {commands: Record<string, ManifestCommand>; topics: ManifestTopics}
  return buildCompletionModel('hubble', Object.values(fixture.commands), fixture.topics)
}

import { readFile } from 'node:fs/promises';
import { issue, IssuesError, PRESET_SCHEMES, type SchemeInput } from '@retail-value/core';

/** Reads a scheme JSON file, or a preset by its id (`default`, `core-general-problem`). */
export async function readSchemeFile(pathOrPreset: string): Promise<SchemeInput> {
  const preset = PRESET_SCHEMES.find((scheme) => scheme.id === pathOrPreset);
  if (preset !== undefined) return preset;
  try {
    return JSON.parse(await readFile(pathOrPreset, 'utf8')) as SchemeInput;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IssuesError([issue('scheme.file_unreadable', { file: pathOrPreset, params: { file: pathOrPreset, reason } })]);
  }
}

import {
  ahpWeights,
  combineExpertMatrices,
  issue,
  IssuesError,
  parsePairwiseValue,
  PRESET_SCHEMES,
  schemeRoutes,
  validateScheme,
  weightRoutes,
  type Issue,
  type SchemeInput,
} from '@retail-value/core';
import { latestScheme, listSchemes, objectiveWeightsPreview, recordAudit, saveScheme, schemeVersion } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import { apiIssues } from '../http/api-issues.js';
import { asResponse } from '../http/as-response.js';
import type { ApiRouter } from '../http/api-router.js';
import { HttpProblem } from '../http/http-problem.js';
import { orRunNotFound } from '../http/load-run-or-404.js';

/** Pairwise judgments as numbers; every unreadable cell is reported with its place (expert, row, column). */
function pairwiseMatrices(matrices: readonly (readonly (readonly (number | string)[])[])[]): number[][][] {
  const issues: Issue[] = [];
  const parsed = matrices.map((matrix, expert) =>
    matrix.map((row, rowIndex) =>
      row.map((cell, columnIndex) => {
        if (typeof cell === 'number') return cell;
        try {
          return parsePairwiseValue(cell);
        } catch (error) {
          if (!(error instanceof IssuesError)) throw error;
          const place = { row: rowIndex + 1, column: String(columnIndex + 1), ...(matrices.length > 1 ? { file: `#${expert + 1}` } : {}) };
          issues.push(...error.issues.map((found) => issue(found.code, { ...found, ...place })));
          return Number.NaN;
        }
      }),
    ),
  );
  if (issues.length > 0) throw new IssuesError(issues);
  return parsed;
}

/** Schemes (stored versions and presets, validation, saving) and the weighting tools the scheme editor uses. */
export function registerSchemeRoutes(api: ApiRouter, deps: AppDeps): void {
  api.add(schemeRoutes.list, async () => {
    const stored = await listSchemes(deps.db);
    const uses = await deps.db.all<{ scheme_id: string; scheme_version: number; n: number }>(
      'SELECT scheme_id, scheme_version, count(*) AS n FROM runs GROUP BY ALL',
    );
    const runsOf = (id: string, version: number): number => uses.find((use) => use.scheme_id === id && use.scheme_version === version)?.n ?? 0;
    return {
      stored: stored.map((scheme) => ({
        schemeId: scheme.schemeId,
        version: scheme.version,
        name: scheme.document.name,
        description: scheme.document.description ?? null,
        createdAt: scheme.createdAt,
        createdBy: scheme.createdBy,
        contentHash: scheme.contentHash,
        runs: runsOf(scheme.schemeId, scheme.version),
      })),
      presets: PRESET_SCHEMES.map((preset) => ({ schemeId: preset.id, name: preset.name, description: preset.description ?? null })),
    };
  });

  api.add(schemeRoutes.get, async ({ params, query }) => {
    const id = params.schemeId;
    if (query.version !== undefined) {
      const found = await schemeVersion(deps.db, id, query.version).catch((error: unknown) => {
        if (error instanceof IssuesError) throw new HttpProblem(404, 'scheme.not_found', { params: { id: `${id} v${query.version}` } });
        throw error;
      });
      return { schemeId: id, version: found.version, source: 'stored' as const, createdAt: found.createdAt, createdBy: found.createdBy, document: found.document };
    }
    const latest = await latestScheme(deps.db, id);
    if (latest !== undefined) {
      return { schemeId: id, version: latest.version, source: 'stored' as const, createdAt: latest.createdAt, createdBy: latest.createdBy, document: latest.document };
    }
    const preset = PRESET_SCHEMES.find((candidate) => candidate.id === id);
    if (preset === undefined) throw new HttpProblem(404, 'scheme.not_found', { params: { id } });
    return { schemeId: id, version: null, source: 'preset' as const, createdAt: null, createdBy: null, document: preset };
  });

  api.add(schemeRoutes.validate, async ({ c, body }) => {
    const result = validateScheme(body);
    return { ok: result.ok, issues: result.ok ? [] : apiIssues(result.issues, c.get('locale')) };
  });

  api.add(schemeRoutes.save, async ({ body, session }) => {
    const result = validateScheme(body);
    if (!result.ok) throw new IssuesError(result.issues);
    const document = body as SchemeInput;
    const before = await latestScheme(deps.db, result.scheme.id);
    const saved = await saveScheme(deps.db, document, session.user.username);
    const created = before === undefined || saved.version !== before.version;
    await recordAudit(
      deps.db,
      { username: session.user.username, action: 'scheme.save', target: `${saved.schemeId} v${saved.version}`, detail: { created, contentHash: saved.contentHash } },
      deps.now(),
    );
    return { schemeId: saved.schemeId, version: saved.version, created, createdAt: saved.createdAt };
  });

  api.add(weightRoutes.ahp, async ({ body }) => {
    const matrices = pairwiseMatrices(body.matrices);
    const matrix = matrices.length === 1 ? (matrices[0] as number[][]) : combineExpertMatrices(matrices);
    const result = ahpWeights(matrix);
    return { weights: [...result.weights], lambdaMax: result.lambdaMax, ci: result.ci, cr: result.cr, consistent: result.consistent };
  });

  api.add(weightRoutes.objective, async ({ c, query }) => {
    const locale = c.get('locale');
    const preview = await orRunNotFound(() => objectiveWeightsPreview(deps.db, { runId: query.run, dimension: query.dimension, segment: query.segment }));
    return {
      ...asResponse(preview),
      entropy: preview.entropy.ok ? { ok: true as const, ...asResponse(preview.entropy.result) } : { ok: false as const, issues: apiIssues(preview.entropy.issues, locale) },
      critic: preview.critic.ok ? { ok: true as const, ...asResponse(preview.critic.result) } : { ok: false as const, issues: apiIssues(preview.critic.issues, locale) },
    };
  });
}

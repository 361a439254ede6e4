import { z } from 'zod';

/** One problem with a request, rendered in the caller's language. */
export const apiIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The request field at fault (`body.password`, `query.limit`), when known. */
  path: z.string().optional(),
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
});
export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** Every error response (4xx, 5xx) has this body. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(apiIssueSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

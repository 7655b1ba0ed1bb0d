import { AstroError } from 'astro/errors';

/**
 * An error that stops the build and reads as a message, not a crash: Astro prints the text and
 * the hint, and no stack trace, because the problem is in the content, not in the code.
 */
export function buildFailure(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

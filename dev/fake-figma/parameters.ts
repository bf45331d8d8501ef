import { strict } from './strict.ts';

/**
 * The designer typing into a quick-edit parameter: an input event to each handler the plugin
 * registered, with the parameters entered so far; resolves with the suggestions it set.
 */
export function typeParameter(
  handlers: ReadonlySet<(event: ParameterInputEvent) => void>,
  key: string,
  query: string,
  entered: Record<string, unknown>,
): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve) => {
    const result = strict(
      {
        setSuggestions: (s: unknown[]) => resolve(s),
        setError: (message: string) => resolve([{ error: message }]),
        setLoadingMessage: () => {},
      } satisfies Pick<SuggestionResults, 'setSuggestions' | 'setError' | 'setLoadingMessage'>,
      'SuggestionResults',
    );
    handlers.forEach((h) => h({ key, query, parameters: entered, result } as ParameterInputEvent));
  });
}

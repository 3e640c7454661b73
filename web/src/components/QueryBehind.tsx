import { useEffect, useState } from 'preact/hooks';
import { documentIdOf, documentText } from '../api/client';
import type { TypedDocumentString } from '../gql/graphql';
import { useI18n } from '../i18n';

/** The GraphQL document and variables a view ran, to reuse in one's own tools. */
export function QueryBehind({ document, variables }: { document: TypedDocumentString<any, any>; variables: unknown }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  useEffect(() => {
    if (open) void documentText(document).then(setText);
  }, [open, document]);
  const endpoint = `${window.location.origin}/graphql`;
  return (
    <details class="query-behind" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)} data-testid="query-behind">
      <summary>{t('query.behind')}</summary>
      <p>{t('query.help', { endpoint, id: documentIdOf(document) })}</p>
      <h3>{t('query.document')}</h3>
      {/* Focusable: a long document scrolls, and must scroll from the keyboard too. */}
      <pre data-testid="query-document" tabIndex={0} aria-label={t('query.document')}>
        {text}
      </pre>
      <h3>{t('query.variables')}</h3>
      <pre data-testid="query-variables" tabIndex={0} aria-label={t('query.variables')}>
        {JSON.stringify(variables, null, 2)}
      </pre>
    </details>
  );
}

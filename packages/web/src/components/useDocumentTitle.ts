import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Agreements · Compact", so tabs, history and screen readers say where the reader is. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title && title !== product ? `${title} · ${product}` : product;
  }, [title, product]);
}

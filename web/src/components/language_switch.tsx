import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, kLocales } from '../i18n';
import type { Locale } from '../services/types';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // Reading i18n.language keeps this in step with changes made elsewhere.
  const value = i18n.language ? currentLocale() : 'en-US';
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size="small"
      value={value}
      options={kLocales.map((locale) => ({ value: locale, label: t(`lang.${locale}`) }))}
      onChange={(locale) => void changeLocale(locale)}
    />
  );
}

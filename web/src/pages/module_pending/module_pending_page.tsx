import { Empty, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export type PendingModule = 'jobs' | 'candidates' | 'interviews' | 'reports' | 'offers' | 'payroll';

/// Honest placeholder for modules that are not built yet: no sample data, just the fact.
export default function ModulePendingPage({ module }: { module: PendingModule }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid={`module-pending-${module}`}
      icon={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
      title={t('module.pendingTitle', { module: t(`nav.${module}`) })}
      subTitle={t('module.pendingDescription')}
    />
  );
}

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { CursorTable, PageHeader } from '../../components/cursor_table';
import { problemText } from '../../components/problem_text';
import { useCursorList } from '../../components/use_cursor_list';
import { currentLocale } from '../../i18n';
import { listAudit, verifyAudit } from '../../services/audit';
import type { AuditEntry, AuditVerification } from '../../services/types';

type Verification = { result: AuditVerification } | { error: unknown };

function VerificationAlert({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  if ('error' in verification) {
    return <Alert type="error" showIcon title={problemText(verification.error, t)} data-testid="audit-verify-result" />;
  }
  const { result } = verification;
  if (result.ok) {
    return <Alert type="success" showIcon title={t('audit.verifyOk', { count: result.checked })} data-testid="audit-verify-result" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={
        result.first_broken_seq !== null
          ? t('audit.verifyBroken', { seq: result.first_broken_seq, count: result.checked })
          : t('audit.verifyBrokenNoSeq', { count: result.checked })
      }
      description={result.reason ? t('audit.verifyReason', { reason: result.reason }) : undefined}
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const list = useCursorList(listAudit);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const locale = currentLocale();

  async function verify() {
    setVerifying(true);
    try {
      setVerification({ result: await verifyAudit() });
    } catch (error) {
      setVerification({ error });
    } finally {
      setVerifying(false);
    }
  }

  const brokenSeq = verification && 'result' in verification ? verification.result.first_broken_seq : null;

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.colSeq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.colAt'),
      dataIndex: 'at',
      key: 'at',
      render: (value: string) => formatDateTime(value, locale),
    },
    {
      title: t('audit.colActor'),
      key: 'actor',
      render: (_: unknown, entry: AuditEntry) => entry.actor_email ?? entry.actor ?? t('audit.system'),
    },
    {
      title: t('audit.colAction'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
    },
    {
      title: t('audit.colEntity'),
      key: 'entity',
      render: (_: unknown, entry: AuditEntry) => (
        <Typography.Text>
          {entry.entity}
          {entry.entity_id && <Typography.Text type="secondary"> {entry.entity_id}</Typography.Text>}
        </Typography.Text>
      ),
    },
    { title: t('audit.colIp'), dataIndex: 'ip', key: 'ip' },
    {
      title: t('audit.colHash'),
      dataIndex: 'hash',
      key: 'hash',
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code copyable={{ text: hash }}>
            {hash.slice(0, 12)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        action={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {verification && (
        <div style={{ marginBottom: 16 }}>
          <VerificationAlert verification={verification} />
        </div>
      )}
      <CursorTable<AuditEntry>
        list={list}
        columns={columns}
        rowKey="seq"
        emptyText={t('audit.empty')}
        testId="audit-table"
        rowClassName={(entry) => (entry.seq === brokenSeq ? 'ant-table-row-selected' : '')}
      />
    </>
  );
}

import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CursorList } from './use_cursor_list';
import { problemText } from './problem_text';

/// Under a cursor-paged table: the load error, a "load more" button, or the count when complete.
export function ListFooter<T>({ list }: { list: CursorList<T> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} align="center" style={{ marginTop: 16 }}>
      {list.error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ width: '100%' }}
          data-testid="list-error"
          title={problemText(list.error, t)}
          action={
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {list.hasMore ? (
        <Button onClick={list.loadMore} loading={list.loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        list.items.length > 0 && (
          <Typography.Text type="secondary">{t('common.allLoaded', { count: list.items.length })}</Typography.Text>
        )
      )}
    </Flex>
  );
}

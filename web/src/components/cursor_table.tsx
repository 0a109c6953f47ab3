import { Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import type { CursorList } from './use_cursor_list';
import { ListFooter } from './list_footer';

/** A page title with its main action on the right. */
export function PageHeader({ title, action }: { title: ReactNode; action?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {action}
    </Flex>
  );
}

interface CursorTableProps<T> {
  list: CursorList<T>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  emptyText: ReactNode;
  testId: string;
  rowClassName?: (row: T) => string;
}

/** A table over a cursor-paged list: loading and empty states, then a "load more" footer. */
export function CursorTable<T extends object>({ list, columns, rowKey, emptyText, testId, rowClassName }: CursorTableProps<T>) {
  return (
    <>
      <Table<T>
        data-testid={testId}
        rowKey={(row) => row[rowKey] as Key}
        columns={columns}
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={rowClassName}
        locale={{ emptyText: list.loading ? ' ' : <Empty description={emptyText} /> }}
      />
      <ListFooter list={list} />
    </>
  );
}

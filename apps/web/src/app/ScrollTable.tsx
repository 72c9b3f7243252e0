import { Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * A table that scrolls sideways when it is wider than the screen (a phone), and whose
 * scrolling part can then be reached and scrolled from the keyboard, under the name `label`
 * (WCAG 2.1.1; axe's scrollable-region-focusable). antd gives that part no tabindex.
 */
export function ScrollTable<T extends object>({
  label,
  ...props
}: TableProps<T> & { label: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    wrapper.current?.querySelectorAll<HTMLElement>('.ant-table-content').forEach((region) => {
      region.tabIndex = 0;
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', label);
    });
  });
  return (
    <div ref={wrapper}>
      <Table<T> scroll={{ x: true }} {...props} />
    </div>
  );
}

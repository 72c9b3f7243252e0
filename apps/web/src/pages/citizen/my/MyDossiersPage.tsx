import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { formatDate, formatVnd } from '../../../format/format';
import { ONLINE_FORMS } from '../submit/citizen-party';
import { CHANNEL_VI, MY_KEYS, MyDossier, MyDossiersPage as Page } from './my-dossiers-api';
import './my.css';

/** The logged-in citizen's own dossiers, newest first, with what to do next on each. */
export function MyDossiersPage() {
  const api = useApi();
  const dossiers = useInfiniteQuery({
    queryKey: MY_KEYS.list,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<Page>('land-registry', '/citizen/dossiers', { query: { limit: 20, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = dossiers.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Typography.Title level={1}>Hồ sơ của tôi</Typography.Title>
      <Card
        title={<h2 className="lt-card-title">Nộp hồ sơ trực tuyến</h2>}
        style={{ marginBottom: 16 }}
      >
        <Space wrap>
          {ONLINE_FORMS.map((p) => (
            <Link key={p.key} to={`/nop-truc-tuyen/${p.key}`}>
              {p.titleVi}
            </Link>
          ))}
        </Space>
      </Card>
      <ApiErrorAlert error={dossiers.error} />
      {dossiers.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description="Bạn chưa có hồ sơ nào." />
      ) : (
        <ul className="lt-my-list">
          {items.map((d) => (
            <MyDossierItem key={d.dossierCode} d={d} />
          ))}
        </ul>
      )}
      {dossiers.hasNextPage && (
        <Button loading={dossiers.isFetchingNextPage} onClick={() => void dossiers.fetchNextPage()}>
          Xem thêm hồ sơ
        </Button>
      )}
    </>
  );
}

function MyDossierItem({ d }: { d: MyDossier }) {
  return (
    <li>
      <div className="lt-my-item">
        <h2>
          <Link to={`/ca-nhan/ho-so/${encodeURIComponent(d.dossierCode)}`}>{d.dossierCode}</Link>
        </h2>
        <div>{d.procedureNameVi}</div>
        <div>
          <Tag>{d.statusVi}</Tag> {CHANNEL_VI[d.channel]}
        </div>
        <div>
          Nộp ngày {formatDate(d.receivedAt)} · Hẹn trả kết quả{' '}
          <strong>{formatDate(d.appointmentDate)}</strong>
        </div>
        {d.amountDue !== undefined && d.amountDue > 0 && (
          <div>
            Cần nộp <strong>{formatVnd(d.amountDue)}</strong>
            {d.paymentUrl && (
              <>
                {' · '}
                <a href={d.paymentUrl} rel="noopener noreferrer">
                  Thanh toán trực tuyến hồ sơ {d.dossierCode}
                </a>
              </>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { formatVnd } from '../../../format/format';
import { TrackingResult } from '../tracking/TrackingResult';
import { DossierDocuments } from './DossierDocuments';
import { DossierDownloads } from './DossierDownloads';
import {
  downloadableForms,
  FINISHED_STATUSES,
  MY_KEYS,
  MyDossier,
  MyDossierView,
} from './my-dossiers-api';
import { WithdrawDossier } from './WithdrawDossier';
import './my.css';

/** One of the citizen's dossiers: its progress, what to do now, its documents and forms. */
export function MyDossierPage() {
  const { code = '' } = useParams();
  const api = useApi();
  const view = useQuery({
    queryKey: MY_KEYS.dossier(code),
    queryFn: () => api<MyDossierView>('land-registry', `/dossiers/${encodeURIComponent(code)}`),
  });
  const item = useQuery({
    queryKey: [...MY_KEYS.list, 'item', code],
    queryFn: () => api<MyDossier>('land-registry', `/citizen/dossiers/${encodeURIComponent(code)}`),
  });
  const d = item.data;
  return (
    <>
      <Link to="/ca-nhan">← Hồ sơ của tôi</Link>
      <Typography.Title level={1}>Chi tiết hồ sơ</Typography.Title>
      <ApiErrorAlert error={view.error ?? item.error} />
      {(view.isPending || item.isPending) && <Skeleton active />}
      {d && (
        <Card
          title={<h2 className="lt-card-title">Việc bạn có thể làm</h2>}
          style={{ marginBottom: 16 }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {d.paymentUrl && (
              <Alert
                type="warning"
                showIcon
                title={
                  d.amountDue !== undefined
                    ? `Cần nộp ${formatVnd(d.amountDue)} theo thông báo thuế`
                    : 'Cần nộp tiền theo thông báo thuế'
                }
                description={
                  // The payment gateway's own page, in this tab: it records the payment.
                  <Button type="primary" href={d.paymentUrl} rel="noopener noreferrer">
                    Thanh toán trực tuyến
                  </Button>
                }
              />
            )}
            <DossierDownloads code={code} forms={downloadableForms(d)} />
            {d.canWithdraw && <WithdrawDossier code={code} />}
          </Space>
        </Card>
      )}
      {view.data && <TrackingResult d={view.data} />}
      {d && (
        <section aria-labelledby="giay-to">
          <Typography.Title level={2} id="giay-to">
            Giấy tờ đã nộp
          </Typography.Title>
          <DossierDocuments
            code={code}
            procedureKey={d.procedure}
            readOnly={FINISHED_STATUSES.includes(d.status)}
          />
        </section>
      )}
    </>
  );
}

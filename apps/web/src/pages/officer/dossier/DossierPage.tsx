import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { formatDate } from '../../../format/format';
import { DossierActions } from './DossierActions';
import { DossierForms } from './DossierForms';
import { actionsFor, OfficerDossier } from './dossier-api';
import { History, Obligations, Parcel, Parties } from './DossierSections';

/** One dossier as the officers of its unit see it, with what the person may do at this step. */
export function DossierPage() {
  const { code = '' } = useParams();
  const api = useApi();
  const { actor } = useAuth();
  const dossier = useQuery({
    queryKey: ['dossier', code],
    queryFn: () => api<OfficerDossier>('land-registry', `/dossiers/${encodeURIComponent(code)}`),
  });
  const d = dossier.data;
  const left = d ? d.workingDays.allowed - d.workingDays.used : 0;
  return (
    <>
      <Link to="/can-bo">← Hồ sơ của đơn vị</Link>
      <ApiErrorAlert error={dossier.error} />
      {dossier.isPending && <Skeleton active />}
      {d && (
        <>
          <Typography.Title level={1}>Hồ sơ {d.dossierCode}</Typography.Title>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Thủ tục">{d.procedureVi ?? d.procedure}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng">{d.statusVi ?? d.status}</Descriptions.Item>
            <Descriptions.Item label="Đang giữ">
              {d.assignee?.describedAs ?? d.heldByVi ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày nhận">{formatDate(d.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="Hẹn trả kết quả">
              {formatDate(d.appointmentAt)}
            </Descriptions.Item>
            <Descriptions.Item label="Thời hạn">
              {d.clockPaused
                ? 'Đang tạm dừng tính thời gian'
                : `Đã dùng ${d.workingDays.used}/${d.workingDays.allowed} ngày làm việc; ${
                    left >= 0 ? `còn ${left} ngày` : `quá ${-left} ngày`
                  }`}
            </Descriptions.Item>
          </Descriptions>
          {d.waitingFor && (
            <Alert
              type="warning"
              showIcon
              title={d.waitingFor.messageVi || `Chờ ${d.waitingFor.agency}`}
            />
          )}
          {d.proposal && (
            <Alert
              type="info"
              showIcon
              title={`Ý kiến trình của ${d.proposal.by.describedAs}: ${d.proposal.opinionVi}`}
            />
          )}
          {d.refusal && <Alert type="error" showIcon title={`Từ chối: ${d.refusal.reasonVi}`} />}
          <Card title="Thao tác" style={{ margin: '16px 0' }}>
            <DossierActions dossier={d} actions={actionsFor(actor, d)} />
          </Card>
          <Card title="Mẫu in" style={{ margin: '16px 0' }}>
            <DossierForms d={d} />
          </Card>
          <Parties d={d} />
          <Parcel d={d} />
          <Obligations d={d} />
          <History d={d} />
        </>
      )}
    </>
  );
}

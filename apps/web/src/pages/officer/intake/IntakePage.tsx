import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, List, Skeleton, Typography } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { procedureFormOf } from '../../../forms';
import type { Procedure } from '../../citizen/catalogue/catalogue-api';
import { provinceOfUnit, Receipt } from './intake-api';
import { IntakeForm } from './IntakeForm';
import { ReceiptResult } from './ReceiptResult';
import './intake.css';

/**
 * Receiving a dossier at the counter (/can-bo/tiep-nhan): the procedures of the officer's
 * province, then the chosen procedure's form (/can-bo/tiep-nhan/:procedureKey), then the
 * receipt.
 */
export function IntakePage() {
  const { procedureKey } = useParams();
  const { actor } = useAuth();
  const api = useApi();
  const navigate = useNavigate();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [round, setRound] = useState(0);
  const province = provinceOfUnit(actor?.unit);
  const procedures = useQuery({
    queryKey: ['procedures', province],
    queryFn: () => api<Procedure[]>('land-registry', '/procedures', { query: { province } }),
  });
  const spec = procedureKey ? procedureFormOf(procedureKey) : undefined;
  const chosen = procedures.data?.find((p) => p.key === procedureKey);
  if (receipt)
    return (
      <ReceiptResult
        receipt={receipt}
        onNext={() => {
          setReceipt(null);
          setRound((r) => r + 1);
          void navigate('/can-bo/tiep-nhan');
        }}
      />
    );
  return (
    <>
      <Link to={procedureKey ? '/can-bo/tiep-nhan' : '/can-bo'}>
        {procedureKey ? '← Chọn thủ tục khác' : '← Hồ sơ của đơn vị'}
      </Link>
      <Typography.Title level={1}>
        Tiếp nhận hồ sơ{spec ? `: ${chosen?.nameVi ?? spec.titleVi}` : ''}
      </Typography.Title>
      <ApiErrorAlert error={procedures.error} />
      {procedureKey && !spec && (
        <p>Không có biểu mẫu tiếp nhận cho thủ tục {procedureKey}; xin chọn thủ tục khác.</p>
      )}
      {spec && (
        <IntakeForm
          key={`${spec.key}-${round}`}
          spec={spec}
          province={province}
          onReceived={setReceipt}
        />
      )}
      {!procedureKey &&
        (procedures.isPending ? (
          <Skeleton active />
        ) : (
          <Card title="Chọn thủ tục" size="small">
            <List
              dataSource={procedures.data ?? []}
              renderItem={(p) => (
                <List.Item>
                  <Link to={`/can-bo/tiep-nhan/${p.key}`}>{p.nameVi}</Link>
                </List.Item>
              )}
            />
          </Card>
        ))}
    </>
  );
}

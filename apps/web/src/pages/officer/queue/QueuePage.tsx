import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { callApi } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { hasRole, Role } from '../../../auth/roles';
import { Procedure } from '../../citizen/catalogue/catalogue-api';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { asDossierCode, fetchQueue, QueueFilter } from './queue-api';

const FILTER_KEYS = ['q', 'status', 'procedure', 'due', 'channel'] as const;

/** The queue of the officer's unit: search, filters, pages of 50, and opening a dossier by code. */
export function QueuePage() {
  const api = useApi();
  const { actor } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const filter: QueueFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])),
  );
  const cursor = cursors.at(-1);
  const queue = useQuery({
    queryKey: ['queue', filter, cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      fetchQueue((path, query) => api('land-registry', path, { query }), { ...filter, cursor }),
  });
  const procedures = useQuery({
    queryKey: ['procedures'],
    queryFn: () => callApi<Procedure[]>('land-registry', '/procedures'),
  });
  const code = asDossierCode(filter.q ?? '');
  return (
    <>
      <Typography.Title level={1}>Hồ sơ của đơn vị {actor?.unit}</Typography.Title>
      {hasRole(actor, Role.CounterOfficer) && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => void navigate('/can-bo/tiep-nhan')}
        >
          Tiếp nhận hồ sơ
        </Button>
      )}
      <QueueFilters
        value={filter}
        procedures={(procedures.data ?? []).map((p) => ({ value: p.key, label: p.nameVi }))}
        onChange={(f) => {
          setCursors([]);
          setParams(
            Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>,
          );
        }}
      />
      <ApiErrorAlert error={queue.error} />
      {code && queue.data?.items.length === 0 && (
        <Button onClick={() => void navigate(`/ho-so/${encodeURIComponent(code)}`)}>
          Mở hồ sơ {code}
        </Button>
      )}
      <QueueTable rows={queue.data?.items ?? []} loading={queue.isFetching} />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Trang trước
        </Button>
        <Button
          disabled={!queue.data?.nextCursor}
          onClick={() => {
            const next = queue.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Trang sau
        </Button>
      </Space>
    </>
  );
}

import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { List, Skeleton, Tag, Typography } from 'antd';
import { callApi } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { ONLINE_LEVEL_VI, Procedure } from './catalogue-api';

/** The public procedure catalogue: every procedure in force today. */
export function CataloguePage() {
  const procedures = useQuery({
    queryKey: ['procedures'],
    queryFn: () => callApi<Procedure[]>('land-registry', '/procedures'),
  });
  return (
    <>
      <Typography.Title level={1}>Danh mục thủ tục đất đai</Typography.Title>
      <ApiErrorAlert error={procedures.error} />
      {procedures.isPending ? (
        <Skeleton active />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={procedures.data ?? []}
          renderItem={(p) => (
            <List.Item key={p.key}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                <Link to={`/thu-tuc/${p.key}`}>{p.nameVi}</Link>
              </Typography.Title>
              <p>
                Mã thủ tục {p.code} · Giải quyết trong {p.processing.landOfficeWorkingDays} ngày làm
                việc tại văn phòng đăng ký đất đai · <Tag>{ONLINE_LEVEL_VI[p.onlineLevel]}</Tag>
              </p>
              <p>Người được nộp: {p.submittersVi}</p>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

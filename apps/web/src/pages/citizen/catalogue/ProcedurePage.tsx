import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Select, Skeleton, Table, Typography } from 'antd';
import { ScrollTable } from '../../../app/ScrollTable';
import { callApi } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { formatVnd } from '../../../format/format';
import { procedureFormOf } from '../../../forms';
import { FeeLine, ONLINE_LEVEL_VI, ProcedureDetail, PROVINCES } from './catalogue-api';
import '../my/my.css';

function FeeTable({ caption, lines, total }: { caption: string; lines: FeeLine[]; total: number }) {
  return (
    <ScrollTable<FeeLine>
      label={caption}
      size="small"
      pagination={false}
      rowKey="code"
      caption={caption}
      dataSource={lines}
      columns={[
        { title: 'Khoản thu', dataIndex: 'labelVi' },
        {
          title: 'Số tiền',
          dataIndex: 'amountVnd',
          align: 'right',
          render: (v: number) => formatVnd(v),
        },
        { title: 'Căn cứ', dataIndex: 'decisionVi' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>Tổng cộng</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatVnd(total)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      )}
    />
  );
}

/** One procedure: documents, time, online level and the fees of the province chosen. */
export function ProcedurePage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const province = params.get('tinh') ?? PROVINCES[0].code;
  const procedure = useQuery({
    queryKey: ['procedure', key, province],
    queryFn: () =>
      callApi<ProcedureDetail>('land-registry', `/procedures/${encodeURIComponent(key)}`, {
        query: { province },
      }),
  });
  const p = procedure.data;
  return (
    <>
      <Link to="/thu-tuc">← Danh mục thủ tục</Link>
      <ApiErrorAlert error={procedure.error} />
      {procedure.isPending && <Skeleton active />}
      {p && (
        <>
          <Typography.Title level={1}>{p.nameVi}</Typography.Title>
          {procedureFormOf(p.key) && (
            <p>
              <Link to={`/nop-truc-tuyen/${p.key}`} className="lt-inline-link">
                Nộp hồ sơ trực tuyến
              </Link>{' '}
              (đăng nhập bằng tài khoản định danh điện tử)
            </p>
          )}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
            <Descriptions.Item label="Mức độ trực tuyến">
              {ONLINE_LEVEL_VI[p.onlineLevel]}
            </Descriptions.Item>
            <Descriptions.Item label="Người được nộp">{p.submittersVi}</Descriptions.Item>
            <Descriptions.Item label="Thời gian giải quyết">
              {p.processing.landOfficeWorkingDays} ngày làm việc tại văn phòng đăng ký đất đai
              {p.processing.remoteExtraWorkingDays > 0 &&
                `; thêm ${p.processing.remoteExtraWorkingDays} ngày ở xã miền núi, hải đảo, vùng sâu, vùng xa`}
              {p.processing.agencies.map((a) => (
                <div key={a.step ?? a.agency}>
                  {a.nameVi}: {a.workingDays} ngày làm việc
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="Căn cứ pháp lý">
              {p.legalBasis
                .map((b) => [b.document, b.article].filter(Boolean).join(', '))
                .join('; ')}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={2}>Thành phần hồ sơ</Typography.Title>
          <ol>
            {p.documents.map((d) => (
              <li key={d.code}>
                {d.nameVi} ({d.copies} bản{d.required ? '' : ', nếu có'})
                {d.replacedBy && ' — không phải nộp: cán bộ tra cứu cơ sở dữ liệu quốc gia'}
                {d.noteVi && <div>{d.noteVi}</div>}
              </li>
            ))}
          </ol>

          <Typography.Title level={2}>Phí, lệ phí</Typography.Title>
          <label htmlFor="tinh">Tỉnh, thành phố nơi có đất: </label>
          <Select
            id="tinh"
            value={province}
            style={{ minWidth: 220 }}
            onChange={(v) => setParams({ tinh: v }, { replace: true })}
            options={PROVINCES.map((x) => ({ value: x.code, label: x.nameVi }))}
          />
          {p.fees && (
            <>
              <FeeTable
                caption="Nộp tại Bộ phận Một cửa"
                lines={p.fees.counter}
                total={p.fees.counterTotalVnd}
              />
              <FeeTable
                caption="Nộp trực tuyến"
                lines={p.fees.online}
                total={p.fees.onlineTotalVnd}
              />
              <Typography.Paragraph>{p.fees.noteVi}</Typography.Paragraph>
            </>
          )}
        </>
      )}
    </>
  );
}

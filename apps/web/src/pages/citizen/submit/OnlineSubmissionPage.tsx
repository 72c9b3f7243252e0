import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Result, Steps, Typography } from 'antd';
import { procedureFormOf } from '../../../forms';
import { DossierDocuments } from '../my/DossierDocuments';
import { OnlineForm } from './OnlineForm';
import type { Receipt } from './submission';
import { SubmissionReceipt } from './SubmissionReceipt';

const STEPS = [{ title: 'Điền tờ khai' }, { title: 'Nộp giấy tờ' }, { title: 'Giấy tiếp nhận' }];

/**
 * Online submission in three steps: the procedure's form (the land registry receives the
 * dossier and answers with its code), the checklist's documents uploaded to that dossier, then
 * the receipt with the code and the tracking secret.
 */
export function OnlineSubmissionPage() {
  const { procedureKey = '' } = useParams();
  const spec = procedureFormOf(procedureKey);
  const [step, setStep] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  if (!spec)
    return (
      <Result
        status="404"
        title="Thủ tục này chưa nộp trực tuyến được"
        extra={<Link to="/thu-tuc">Xem danh mục thủ tục</Link>}
      />
    );
  return (
    <>
      <Link to="/ca-nhan">← Hồ sơ của tôi</Link>
      <Typography.Title level={1}>Nộp hồ sơ trực tuyến: {spec.titleVi}</Typography.Title>
      <Steps
        current={step}
        items={STEPS}
        size="small"
        responsive={false}
        style={{ marginBottom: 16 }}
      />
      {step === 0 && (
        <OnlineForm
          spec={spec}
          onReceived={(r) => {
            setReceipt(r);
            setStep(1);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      {step === 1 && receipt && (
        <>
          <Alert
            type="success"
            showIcon
            title={`Hồ sơ ${receipt.dossierCode} đã được tiếp nhận`}
            description="Tải lên từng giấy tờ trong danh sách (PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB), rồi bấm Tiếp tục để xem giấy tiếp nhận. Giấy tờ còn thiếu có thể nộp sau, ở trang Hồ sơ của tôi."
          />
          <Typography.Title level={2}>Giấy tờ cần nộp</Typography.Title>
          <DossierDocuments code={receipt.dossierCode} procedureKey={spec.key} />
          <Button type="primary" onClick={() => setStep(2)}>
            Tiếp tục
          </Button>
        </>
      )}
      {step === 2 && receipt && <SubmissionReceipt receipt={receipt} />}
    </>
  );
}

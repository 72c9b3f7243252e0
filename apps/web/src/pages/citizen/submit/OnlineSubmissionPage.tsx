import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Result, Steps, Typography } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { DossierDocuments } from '../my/DossierDocuments';
import { onlineProcedure } from './online-procedures';
import { FormSection } from './ProcedureFormFields';
import { Receipt, requestBody, showFieldErrors } from './submission';
import { SubmissionReceipt } from './SubmissionReceipt';
import './submit.css';

const STEPS = [{ title: 'Điền tờ khai' }, { title: 'Nộp giấy tờ' }, { title: 'Giấy tiếp nhận' }];

/**
 * Online submission in three steps: the procedure's form (the land registry receives the
 * dossier and answers with its code), the checklist's documents uploaded to that dossier, then
 * the receipt with the code and the tracking secret.
 */
export function OnlineSubmissionPage() {
  const { procedureKey = '' } = useParams();
  const procedure = onlineProcedure(procedureKey);
  const { actor } = useAuth();
  const api = useApi();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const initialValues = useMemo(() => procedure?.initialValues(actor), [procedure, actor]);
  const submit = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api<Receipt>('land-registry', `/dossiers/${procedure?.route}`, {
        method: 'POST',
        body: { ...(requestBody(values) as object), channel: 'ONLINE' },
      }),
    onSuccess: (r) => {
      setReceipt(r);
      setStep(1);
      window.scrollTo({ top: 0 });
    },
  });
  if (!procedure)
    return (
      <Result
        status="404"
        title="Thủ tục này chưa nộp trực tuyến được"
        extra={<Link to="/thu-tuc">Xem danh mục thủ tục</Link>}
      />
    );
  const shownError = submit.error ? showFieldErrors(form, submit.error) : null;
  return (
    <>
      <Link to="/ca-nhan">← Hồ sơ của tôi</Link>
      <Typography.Title level={1}>Nộp hồ sơ trực tuyến: {procedure.titleVi}</Typography.Title>
      <Steps
        current={step}
        items={STEPS}
        size="small"
        responsive={false}
        style={{ marginBottom: 16 }}
      />
      {step === 0 && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v: Record<string, unknown>) => submit.mutate(v)}
          scrollToFirstError={{ block: 'center', focus: true }}
          style={{ maxWidth: 720 }}
        >
          <Typography.Paragraph>
            Điền như trên Giấy chứng nhận và hợp đồng đã công chứng. Sau khi gửi tờ khai, bạn tải
            lên bản chụp hoặc bản quét các giấy tờ.
          </Typography.Paragraph>
          {procedure.sections.map((s) => (
            <FormSection key={s.titleVi} section={s} />
          ))}
          <ApiErrorAlert error={shownError} />
          <Button
            type="primary"
            htmlType="submit"
            loading={submit.isPending}
            style={{ marginTop: 8 }}
          >
            Gửi tờ khai
          </Button>
        </Form>
      )}
      {step === 1 && receipt && (
        <>
          <Alert
            type="success"
            showIcon
            title={`Hồ sơ ${receipt.dossierCode} đã được tiếp nhận`}
            description="Tải lên từng giấy tờ trong danh sách (PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB), rồi bấm Tiếp tục để xem giấy tiếp nhận."
          />
          <Typography.Title level={2}>Giấy tờ cần nộp</Typography.Title>
          <DossierDocuments code={receipt.dossierCode} procedureKey={procedure.key} />
          <Button type="primary" onClick={() => setStep(2)}>
            Tiếp tục
          </Button>
        </>
      )}
      {step === 2 && receipt && <SubmissionReceipt receipt={receipt} />}
    </>
  );
}

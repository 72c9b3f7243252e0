import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Space } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import {
  FormValues,
  intakeBody,
  LiveValidationSummary,
  ParcelRecord,
  ProcedureFormFields,
  ProcedureFormSpec,
  useLiveValidation,
} from '../../../forms';
import type { ProcedureDetail } from '../../citizen/catalogue/catalogue-api';
import { checklistComplete, DocumentChecklist } from './DocumentChecklist';
import { Receipt } from './intake-api';
import { ParcelLookup, ParcelRef } from './ParcelLookup';

/**
 * One procedure's form at the counter: the parcel and its look-up, the rest of the form,
 * the catalogue's checklist; the API's messages on the fields as they are typed; the
 * receipt on success.
 */
export function IntakeForm({
  spec,
  province,
  onReceived,
}: {
  spec: ProcedureFormSpec;
  province: string | undefined;
  onReceived: (receipt: Receipt) => void;
}) {
  const api = useApi();
  const [form] = Form.useForm<FormValues>();
  const live = useLiveValidation(form, spec, 'COUNTER');
  const [received, setReceived] = useState<string[]>([]);
  const parcelRef = (Form.useWatch('parcel', form) ?? {}) as ParcelRef;
  const catalogue = useQuery({
    queryKey: ['procedure', spec.key, province],
    queryFn: () =>
      api<ProcedureDetail>('land-registry', `/procedures/${spec.key}`, { query: { province } }),
  });
  const documents = catalogue.data?.documents ?? [];
  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      api<Receipt>('land-registry', spec.route, {
        method: 'POST',
        body: intakeBody(values, 'COUNTER'),
      }),
    onSuccess: onReceived,
    onError: (error) => live.showAll(error),
  });
  const activeDossier =
    live.error?.code === 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER' ? live.error.message : null;
  const fill = (parcel: ParcelRecord) => {
    form.setFieldsValue(spec.fillFromParcel?.(parcel) ?? {});
    live.checkNow();
  };
  const complete = checklistComplete(documents, received);
  return (
    <Form<FormValues>
      form={form}
      name={`tiep-nhan-${spec.key.toLowerCase()}`}
      layout="vertical"
      initialValues={spec.initialValues}
      onValuesChange={live.schedule}
      onBlur={live.checkNow}
      onFinish={(values) => submit.mutate(values)}
      onFinishFailed={() => live.checkNow()}
      scrollToFirstError
    >
      <ProcedureFormFields spec={spec} only={['parcel']} />
      <ParcelLookup
        parcelRef={parcelRef}
        activeDossier={activeDossier}
        {...(spec.fillFromParcel ? { onFill: fill } : {})}
      />
      <ProcedureFormFields
        spec={{ ...spec, sections: spec.sections.filter((s) => s.key !== 'parcel') }}
      />
      <ApiErrorAlert error={catalogue.error} />
      {documents.length > 0 && (
        <DocumentChecklist documents={documents} received={received} onChange={setReceived} />
      )}
      <LiveValidationSummary
        live={live}
        title="Hồ sơ còn thiếu hoặc chưa đúng"
        validText="Hồ sơ hợp lệ, khớp sổ địa chính."
        formErrorShown={Boolean(activeDossier)}
      />
      {!complete && documents.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Đánh dấu đủ các giấy tờ bắt buộc đã nhận trước khi tiếp nhận hồ sơ."
        />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!complete}>
          Tiếp nhận hồ sơ
        </Button>
      </Space>
    </Form>
  );
}

import { useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Typography } from 'antd';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import {
  FormValues,
  intakeBody,
  LiveValidationSummary,
  ProcedureFormFields,
  ProcedureFormSpec,
  useLiveValidation,
} from '../../../forms';
import { onlineInitialValues } from './citizen-party';
import type { Receipt } from './submission';

/**
 * The procedure's form online (the counter's field lists, apps/web/src/forms): the land
 * registry's own Vietnamese messages on the fields as they are typed, then the dossier
 * received on submit (channel ONLINE).
 */
export function OnlineForm({
  spec,
  onReceived,
}: {
  spec: ProcedureFormSpec;
  onReceived: (receipt: Receipt) => void;
}) {
  const api = useApi();
  const { actor } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const live = useLiveValidation(form, spec, 'ONLINE');
  const initialValues = useMemo(() => onlineInitialValues(spec, actor), [spec, actor]);
  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      api<Receipt>('land-registry', spec.route, {
        method: 'POST',
        body: intakeBody(values, 'ONLINE'),
      }),
    onSuccess: onReceived,
    onError: (error) => live.showAll(error),
  });
  // Errors no field shows: a rule of the whole form, a parcel with an unfinished dossier.
  return (
    <Form<FormValues>
      form={form}
      name={`nop-truc-tuyen-${spec.key.toLowerCase()}`}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={live.schedule}
      onBlur={live.checkNow}
      onFinish={(values) => submit.mutate(values)}
      onFinishFailed={() => live.checkNow()}
      scrollToFirstError
      style={{ maxWidth: 960 }}
    >
      <Typography.Paragraph>
        Điền như trên Giấy chứng nhận và hợp đồng đã công chứng. Sau khi gửi tờ khai, bạn tải lên
        bản chụp hoặc bản quét các giấy tờ.
      </Typography.Paragraph>
      <ProcedureFormFields spec={spec} />
      <LiveValidationSummary
        live={live}
        title="Tờ khai còn thiếu hoặc chưa đúng"
        validText="Tờ khai hợp lệ, khớp sổ địa chính."
      />
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 8 }}>
        Gửi tờ khai
      </Button>
    </Form>
  );
}

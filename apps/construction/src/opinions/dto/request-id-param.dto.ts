import { IsString, Matches, MaxLength } from 'class-validator';

export class RequestIdParam {
  @IsString()
  @MaxLength(80, { message: 'Mã đề nghị quá dài' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: 'Mã đề nghị không đúng định dạng' })
  requestId!: string;
}

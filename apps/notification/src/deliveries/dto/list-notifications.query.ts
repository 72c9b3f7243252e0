import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ListNotificationsQuery {
  @IsString({ message: 'Mã hồ sơ phải là chuỗi ký tự' })
  @IsNotEmpty({ message: 'Cần cho biết mã hồ sơ (dossierCode)' })
  @MaxLength(64, { message: 'Mã hồ sơ dài quá 64 ký tự' })
  dossierCode!: string;
}

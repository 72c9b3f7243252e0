import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** What tracking without login asks for besides the code: the secret on the receipt. */
export class TrackingQueryDto {
  @ApiProperty({
    example: 'K7QX2M9PRT',
    description: 'Mã tra cứu in trên giấy tiếp nhận (10 ký tự)',
    pattern: '^[A-Za-z2-9]{10}$',
  })
  @IsString({ message: 'Cần mã tra cứu in trên giấy tiếp nhận' })
  @Matches(/^[A-Za-z2-9]{10}$/, {
    message: 'Mã tra cứu gồm 10 ký tự chữ và số in trên giấy tiếp nhận',
  })
  secret!: string;
}

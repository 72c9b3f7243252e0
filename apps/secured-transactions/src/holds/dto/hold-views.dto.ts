import { ApiProperty } from '@nestjs/swagger';

/** The registry is told the hold (or its lift) was taken in (202), whether new or a repeat. */
export class HoldAcceptedView {
  @ApiProperty({
    description: 'false: lần gửi lặp lại của một lệnh ngăn chặn (hoặc việc gỡ bỏ) đã nhận',
  })
  accepted!: boolean;
}

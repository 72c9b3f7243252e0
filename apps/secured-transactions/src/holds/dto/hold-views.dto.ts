import { ApiProperty } from '@nestjs/swagger';

/** The registry is told the hold was taken in (202), whether it was new or a repeat. */
export class HoldAcceptedView {
  @ApiProperty({ description: 'false: lần gửi lặp lại của một lệnh ngăn chặn đã nhận' })
  accepted!: boolean;
}

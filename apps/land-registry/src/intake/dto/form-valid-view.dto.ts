import { ApiProperty } from '@nestjs/swagger';

/** A form the intake would accept as it stands. */
export class FormValidView {
  @ApiProperty({ enum: [true] })
  valid!: true;
}

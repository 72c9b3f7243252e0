import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_TYPES } from '../file-type';

/** One document of a dossier, as uploaded. */
export class DocumentView {
  @ApiProperty({ example: '6751e0c2a1b2c3d4e5f60718' })
  documentId!: string;

  @ApiProperty({ example: 'TRANSFER_CONTRACT' })
  kind!: string;

  @ApiProperty({
    example: 'Hợp đồng chuyển nhượng, tặng cho quyền sử dụng đất đã công chứng hoặc chứng thực',
  })
  kindVi!: string;

  @ApiProperty({ example: 'hop-dong-chuyen-nhuong.pdf' })
  fileName!: string;

  @ApiProperty({ enum: DOCUMENT_TYPES, description: 'Theo nội dung tệp, không theo tên tệp' })
  contentType!: string;

  @ApiProperty({ type: 'integer', description: 'Dung lượng (byte)' })
  size!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt!: Date;

  @ApiProperty({
    enum: ['CITIZEN', 'COUNTER'],
    description: 'Công dân hay Bộ phận Một cửa tải lên',
  })
  uploadedBy!: string;
}

export class DocumentListView {
  @ApiProperty({ type: [DocumentView] })
  items!: DocumentView[];
}

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { maskPersonalData, Role, Roles } from '@lien-thong/platform';
import { DeadLetterService } from './dead-letter.service';
import type { DeadLetterFilter } from './dead-letter.repository';

class ListDeadLettersQuery {
  @IsOptional()
  @IsIn(['pending', 'replayed', 'all'], {
    message: 'Trạng thái phải là pending, replayed hoặc all',
  })
  status?: DeadLetterFilter;
}

/**
 * For the engineer on call (the operator role): what failed, why, and replay after the fix.
 * Citizens' IDs, phones and e-mail addresses in the stored events are masked in the list.
 */
@ApiTags('admin: dead letters')
@Roles(Role.Operator)
@Controller('admin/dead-letters')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  async list(@Query() query: ListDeadLettersQuery) {
    return maskPersonalData(await this.deadLetters.list(query.status ?? 'pending'));
  }

  @Post('replay')
  @HttpCode(200)
  async replayAll() {
    return { replayed: await this.deadLetters.replayAll() };
  }

  @Post(':id/replay')
  @HttpCode(200)
  replay(@Param('id') id: string) {
    return this.deadLetters.replay(id);
  }
}

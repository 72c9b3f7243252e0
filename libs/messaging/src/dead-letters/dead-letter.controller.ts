import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DeadLetterService } from './dead-letter.service';
import type { DeadLetterFilter } from './dead-letter.repository';

class ListDeadLettersQuery {
  @IsOptional()
  @IsIn(['pending', 'replayed', 'all'])
  status?: DeadLetterFilter;
}

/** For the engineer on call: what failed, why, and replay after the fix. */
@ApiTags('admin: dead letters')
@Controller('admin/dead-letters')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  list(@Query() query: ListDeadLettersQuery) {
    return this.deadLetters.list(query.status ?? 'pending');
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

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SeekersModule } from '../seekers/seekers.module.js';
import { DatabaseDocumentStorage, DocumentStorage, FilesystemDocumentStorage } from './document-storage.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { SeekerDocument } from './seeker-document.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([SeekerDocument]), SeekersModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): DocumentStorage =>
        config.documents.storageDriver === 'filesystem'
          ? new FilesystemDocumentStorage(config.documents.storagePath)
          : new DatabaseDocumentStorage(),
    },
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}

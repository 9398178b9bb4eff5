import { TongbanError } from '../../errors/index.ts';

/** A request body that is not JSON, or that names no content type. HTTP 415. */
export class UnsupportedMediaTypeError extends TongbanError {
  constructor(contentType: string | undefined) {
    super(
      'unsupported-media-type',
      415,
      contentType === undefined
        ? "The request names no Content-Type; send the body as 'application/json'"
        : `Content-Type '${contentType}' is not accepted; send the body as 'application/json'`,
      { contentType: contentType ?? null },
    );
  }
}

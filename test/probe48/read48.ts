// Probe 48's fixtures read as probe 41's are (read41.ts readTagged): every equation by its \tag.
import { join } from 'node:path';
import { readTagged, type TaggedReading } from '../probe41/read41';

export const read48 = (file: string): TaggedReading => readTagged(join(__dirname, 'fixtures', file));

export { IdnAreaRegionDirectory } from './idn-area-region-directory';

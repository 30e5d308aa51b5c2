import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  index: 'src/index.ts',
  node: 'src/entries/node.ts',
  lint: 'src/entries/lint.ts',
  delivery: 'src/entries/delivery.ts',
  testing: 'src/entries/testing.ts',
});

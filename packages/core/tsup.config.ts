import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  index: 'src/index.ts',
  node: 'src/entries/node.ts',
  testing: 'src/entries/testing.ts',
});

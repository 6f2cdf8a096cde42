// Says once, before the tests, which TF.js backend they will run on.
module.exports = async () => {
  let backend = 'cpu (pure JS; @tensorflow/tfjs-node did not load)';
  try {
    require('@tensorflow/tfjs-node');
    backend = 'tensorflow (@tensorflow/tfjs-node, native)';
  } catch (e) {
    // optionalDependency: absent where its libtensorflow download failed
  }
  process.stdout.write(`\nTF.js backend for the tests: ${backend}\n`);
};

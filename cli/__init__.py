"""``facescore``: the command line. Each command group lives in its own module and imports
what it needs when it runs, so ``facescore score`` never loads TensorFlow and
``facescore train`` never loads Qt."""

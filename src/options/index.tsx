import { render } from 'preact';
import { Options } from './options';

const root = document.getElementById('app');
if (root) render(<Options />, root);

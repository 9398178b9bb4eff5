import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ConsoleProviders } from './shell/ConsoleProviders.tsx';
import './shell/console.css';

const root = document.getElementById('root');
if (root === null) throw new Error("The console needs an element with id 'root' in index.html");

createRoot(root).render(
  <StrictMode>
    <ConsoleProviders>
      <App />
    </ConsoleProviders>
  </StrictMode>,
);

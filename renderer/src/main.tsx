import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>NOC Console</p>);

import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { FullPageSpin } from './components/guards';
import { AppRoutes } from './routes';
import { SessionProvider } from './session/session';

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Suspense fallback={<FullPageSpin />}>
              <AppRoutes />
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export const TEMPLATE_DATABASE = 'zhanggui_template';

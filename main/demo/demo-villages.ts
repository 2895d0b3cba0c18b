// The villages (thôn, xóm) of the old Xã An Lão (huyện Bình Lục, Hà Nam), which became part of Xã Bình Sơn
// (13558, Ninh Bình) on 1 July 2025: the demo commune's addresses use their real names. Collected from the village
// and address columns of that commune's lists (names of places only; none of the lists' people).
export const AN_LAO_VILLAGES = ['Thôn Đoài', 'Thôn Đông Thượng', 'Thôn Bối Khê', 'Thôn Ngọc Lũ', 'Xóm Trại', 'Xóm Chùa'] as const;
